// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {FinancingPool} from "../../src/FinancingPool.sol";

/// A 6-decimal token that calls back into a pool from its transfer hook whenever the pool sends or receives it.
contract ReentrantToken is ERC20 {
    enum Attack {
        None,
        Deposit,
        Mint,
        Redeem,
        Withdraw,
        Claim,
        ClaimRedemption,
        RequestRedeem,
        CancelRedeemRequest,
        FillRedemptions,
        RecordRecovery,
        DeployCapital
    }

    FinancingPool public target;
    Attack public attack;
    uint256 public attackArg;
    bool public bubble;
    uint256 public attempts;
    bool public lastCallSucceeded;
    bytes public lastRevertData;
    bool private _inHook;

    constructor() ERC20("Reentrant USD", "rUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(FinancingPool target_, Attack attack_, uint256 arg, bool bubble_) external {
        target = target_;
        attack = attack_;
        attackArg = arg;
        bubble = bubble_;
        attempts = 0;
        lastCallSucceeded = false;
        delete lastRevertData;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address t = address(target);
        if (attack == Attack.None || _inHook || (from != t && to != t)) return;
        _inHook = true;
        attempts++;
        bytes memory data;
        if (attack == Attack.Deposit) {
            data = abi.encodeCall(ERC4626.deposit, (attackArg, address(this)));
        } else if (attack == Attack.Mint) {
            data = abi.encodeCall(ERC4626.mint, (attackArg, address(this)));
        } else if (attack == Attack.Redeem) {
            data = abi.encodeCall(ERC4626.redeem, (attackArg, address(this), address(this)));
        } else if (attack == Attack.Withdraw) {
            data = abi.encodeCall(ERC4626.withdraw, (attackArg, address(this), address(this)));
        } else if (attack == Attack.Claim) {
            data = abi.encodeCall(target.claim, (address(this)));
        }
        // A claim of filled redemptions goes through redeem with the controller.
        else if (attack == Attack.ClaimRedemption) {
            data = abi.encodeCall(target.redeem, (attackArg, address(this), address(this)));
        } else if (attack == Attack.RequestRedeem) {
            data = abi.encodeCall(target.requestRedeem, (attackArg, address(this), address(this)));
        } else if (attack == Attack.CancelRedeemRequest) {
            data = abi.encodeCall(target.cancelRedeemRequest, (attackArg, address(this)));
        } else if (attack == Attack.FillRedemptions) {
            data = abi.encodeCall(target.fillRedemptions, (attackArg));
        } else if (attack == Attack.RecordRecovery) {
            data = abi.encodeCall(target.recordRecovery, (attackArg, 1));
        } else {
            data = abi.encodeCall(target.deployCapital, (attackArg, 1));
        }
        (bool ok, bytes memory ret) = t.call(data);
        _inHook = false;
        lastCallSucceeded = ok;
        lastRevertData = ret;
        if (!ok && bubble) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}

/// A 6-decimal token that burns 1 % of every transfer.
contract FeeOnTransferToken is ERC20 {
    constructor() ERC20("Fee USD", "fUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = value / 100;
            super._update(from, address(0), fee);
            super._update(from, to, value - fee);
        } else {
            super._update(from, to, value);
        }
    }
}
