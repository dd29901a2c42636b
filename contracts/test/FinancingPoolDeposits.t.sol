// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {PoolSecurityFixture} from "./utils/PoolSecurityFixture.sol";

/// Deposit limits (cap and minimum, and what maxDeposit and maxMint say of them) and depositWithPermit.
contract FinancingPoolDepositsTest is PoolSecurityFixture {
    // ─── Deposit limits ─────────────────────────────────────────────────────────────────────────────────

    function test_minDeposit_enforced() public {
        usdc.mint(alice, 100e6);
        vm.startPrank(alice);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDeposit.selector, MIN_DEPOSIT - 1, MIN_DEPOSIT));
        pool.deposit(MIN_DEPOSIT - 1, alice);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDeposit.selector, 5e6, MIN_DEPOSIT));
        pool.mint(5e18, alice);
        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        pool.deposit(0, alice);
        assertEq(pool.deposit(MIN_DEPOSIT, alice), 10e18);
        assertEq(pool.mint(10e18, alice), MIN_DEPOSIT);
        vm.stopPrank();
        assertEq(pool.totalAssets(), 2 * MIN_DEPOSIT);
    }

    function test_depositCap_maxDepositIsTruthful() public {
        _deposit(alice, 4_000_000e6);
        assertEq(pool.maxDeposit(bob), CAP - 4_000_000e6);
        uint256 room = pool.maxDeposit(bob);
        usdc.mint(bob, room + 1);
        vm.startPrank(bob);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, bob, room + 1, room));
        pool.deposit(room + 1, bob);
        pool.deposit(room, bob);
        vm.stopPrank();
        assertEq(pool.totalAssets(), CAP);
        assertEq(pool.maxDeposit(bob), 0);
        assertEq(pool.maxMint(bob), 0);

        // Deployment does not change totalAssets; an impairment reopens room (the write-down that follows is
        // price-neutral and does not).
        _deploy(assetA, 1_000_000e6);
        assertEq(pool.maxDeposit(bob), 0);
        _impair(assetA, 250_000e6);
        assertEq(pool.maxDeposit(bob), 250_000e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 250_000e6);
        assertEq(pool.maxDeposit(bob), 250_000e6);
        // Withdrawals reopen room too.
        vm.prank(alice);
        pool.withdraw(100e6, alice, alice);
        assertEq(pool.maxDeposit(bob), 250_100e6);
    }

    function test_depositCap_maxMintIsTruthful() public {
        _deposit(alice, 6_000_000e6);
        _deploy(assetA, 1_000_000e6);
        _impair(assetA, 123_456_789); // awkward price
        uint256 maxShares = pool.maxMint(bob);
        usdc.mint(bob, pool.previewMint(maxShares + 1));
        vm.startPrank(bob);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, bob, maxShares + 1, maxShares));
        pool.mint(maxShares + 1, bob);
        uint256 assets = pool.mint(maxShares, bob);
        vm.stopPrank();
        assertLe(pool.totalAssets(), CAP);
        assertEq(pool.balanceOf(bob), maxShares);
        assertGt(assets, 0);
    }

    /// Regression: room under the cap below the minimum deposit is not offered by maxDeposit (ERC-4626: maxDeposit
    /// never exceeds what deposit accepts).
    function test_maxDeposit_isZeroWhenRoomIsBelowMinDeposit() public {
        _deposit(alice, CAP - 5e6);
        uint256 room = pool.maxDeposit(bob);
        if (room > 0) {
            usdc.mint(bob, room);
            vm.startPrank(bob);
            usdc.approve(address(pool), room);
            pool.deposit(room, bob); // reverts BelowMinimumDeposit(5e6, 10e6) today
            vm.stopPrank();
        }
        assertEq(pool.maxDeposit(bob), 0);
        assertEq(pool.maxMint(bob), 0);
    }

    function test_setDepositLimits_updatesAndValidates() public {
        vm.expectEmit(false, false, false, true, address(pool));
        emit DepositLimitsUpdated(500e6, 50e6);
        vm.prank(manager);
        pool.setDepositLimits(500e6, 50e6);
        assertEq(pool.depositCap(), 500e6);
        assertEq(pool.minDeposit(), 50e6);
        assertEq(pool.maxDeposit(alice), 500e6);

        vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(manager);
        pool.setDepositLimits(100e6, 100e6 + 1);

        _deposit(alice, 400e6);
        // A cap below totalAssets closes deposits without touching existing holders.
        vm.prank(manager);
        pool.setDepositLimits(300e6, 0);
        assertEq(pool.maxDeposit(bob), 0);
        assertEq(pool.balanceOf(alice), 400e18);
        assertEq(pool.maxWithdraw(alice), 400e6);
    }

    // ─── depositWithPermit ──────────────────────────────────────────────────────────────────────────────

    function test_depositWithPermit_realSignature() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 300e6, deadline);
        assertEq(usdc.allowance(signer, address(pool)), 0);

        vm.prank(signer);
        uint256 shares = pool.depositWithPermit(300e6, bob, deadline, v, r, s);
        assertEq(shares, 300e18);
        assertEq(pool.balanceOf(bob), 300e18, "shares go to the receiver");
        assertEq(usdc.balanceOf(signer), 700e6, "assets come from the signer");
        assertEq(usdc.nonces(signer), 1, "permit was consumed");
        assertEq(usdc.allowance(signer, address(pool)), 0);
        assertEq(pool.idle(), 300e6);
    }

    function test_depositWithPermit_worksWhenPermitWasFrontRun() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 300e6, deadline);

        // Someone submits the permit first.
        vm.prank(stranger);
        usdc.permit(signer, address(pool), 300e6, deadline, v, r, s);
        assertEq(usdc.allowance(signer, address(pool)), 300e6);

        vm.prank(signer);
        uint256 shares = pool.depositWithPermit(300e6, signer, deadline, v, r, s);
        assertEq(shares, 300e18);
        assertEq(usdc.balanceOf(signer), 700e6);
        assertEq(usdc.allowance(signer, address(pool)), 0);
    }

    function test_depositWithPermit_badSignatureWithoutAllowanceReverts() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 100e6, deadline);
        // Signed for 100, used for 300: the permit fails and there is no allowance.
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 300e6)
        );
        vm.prank(signer);
        pool.depositWithPermit(300e6, signer, deadline, v, r, s);

        // Expired deadline: same.
        vm.warp(deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 100e6)
        );
        vm.prank(signer);
        pool.depositWithPermit(100e6, signer, deadline, v, r, s);
        assertEq(usdc.balanceOf(signer), 1_000e6);
    }

    function test_depositWithPermit_someoneElsesSignatureCannotPullTheirFunds() public {
        (address signer, uint256 pk) = makeAddrAndKey("permitSigner");
        usdc.mint(signer, 1_000e6);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _signPermit(pk, address(pool), 300e6, deadline);
        usdc.mint(stranger, 1_000e6);
        // The permit is checked against msg.sender: the stranger's call neither spends the signer's
        // permit nor the signer's USDC.
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 300e6)
        );
        vm.prank(stranger);
        pool.depositWithPermit(300e6, stranger, deadline, v, r, s);
        assertEq(usdc.balanceOf(signer), 1_000e6);
        assertEq(usdc.nonces(signer), 0);
    }
}
