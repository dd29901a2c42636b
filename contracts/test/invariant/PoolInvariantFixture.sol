// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ProtocolFixture} from "../utils/ProtocolFixture.sol";
import {PoolHandler} from "./PoolHandler.sol";

/// The invariant suite's setup: the protocol fixture, a PoolHandler over its pool, and the weighted draw of
/// handler actions the fuzzer makes.
abstract contract PoolInvariantFixture is ProtocolFixture {
    PoolHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new PoolHandler(pool, usdc, admin, manager, reporter, guardian, assetA, assetB);

        // Duplicates weight the draw: exits, revenue and the manager's deployments come up more often than
        // plain deposits, so that the queue waits, streams overlap and claims happen.
        bytes4[] memory selectors = new bytes4[](35);
        selectors[0] = handler.deposit.selector;
        selectors[1] = handler.depositWithPermit.selector;
        selectors[2] = handler.mint.selector;
        selectors[3] = handler.withdraw.selector;
        selectors[4] = handler.redeem.selector;
        selectors[5] = handler.transferShares.selector;
        selectors[6] = handler.requestRedeem.selector;
        selectors[7] = handler.requestRedeem.selector;
        selectors[8] = handler.cancelRedeemRequest.selector;
        selectors[9] = handler.claimRedemption.selector;
        selectors[10] = handler.fillRedemptions.selector;
        selectors[11] = handler.claimRevenue.selector;
        selectors[12] = handler.claimRevenue.selector;
        selectors[13] = handler.distributeRevenue.selector;
        selectors[14] = handler.distributeRevenue.selector;
        selectors[15] = handler.deployCapital.selector;
        selectors[16] = handler.deployCapital.selector;
        selectors[17] = handler.deployCapital.selector;
        selectors[18] = handler.recordRepayment.selector;
        selectors[19] = handler.recordWriteDown.selector;
        selectors[20] = handler.warp.selector;
        selectors[21] = handler.warp.selector;
        selectors[22] = handler.warp.selector;
        selectors[23] = handler.donate.selector;
        selectors[24] = handler.fillRedemptions.selector;
        selectors[25] = handler.setAssetStatus.selector;
        selectors[26] = handler.pause.selector;
        selectors[27] = handler.close.selector;
        selectors[28] = handler.markImpairment.selector;
        selectors[29] = handler.lowerProvision.selector;
        selectors[30] = handler.adminWriteDown.selector;
        selectors[31] = handler.recordRecovery.selector;
        selectors[32] = handler.recordWriteDown.selector;
        selectors[33] = handler.claimRedemption.selector;
        selectors[34] = handler.fillRedemptions.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// Views below read time-dependent previews: evaluate them at the time the sequence has reached.
    modifier atSequenceTime() {
        vm.warp(handler.currentTime());
        _;
    }

    function _sumClaimable() internal view returns (uint256 sum) {
        address[] memory hs = handler.holders();
        for (uint256 i = 0; i < hs.length; i++) {
            sum += pool.claimableRevenue(hs[i]);
        }
    }
}
