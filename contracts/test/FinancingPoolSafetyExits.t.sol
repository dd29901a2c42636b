// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "../src/interfaces/IERC7540.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Issue 9: exits that speak ERC-7540 / ERC-7887 / ERC-165, and permissioned pools. Each test says what was missing
/// before.
contract FinancingPoolSafetyExitsTest is ProtocolFixture {
    // ─── 5. ERC-7540, ERC-7887, ERC-165 ────────────────────────────────────────────────────────────────────

    /// Before: no ERC-165 ids, so wallets and aggregators could not detect the async exit.
    function test_erc7540_supportsInterfaceIds() public view {
        assertEq(type(IERC7540Operator).interfaceId, bytes4(0xe3bc4e65));
        assertEq(type(IERC7540Redeem).interfaceId, bytes4(0x620ee8e4));
        assertTrue(pool.supportsInterface(0xe3bc4e65), "ERC-7540 operator");
        assertTrue(pool.supportsInterface(0x620ee8e4), "ERC-7540 redeem");
        assertTrue(pool.supportsInterface(type(IERC7887Redeem).interfaceId), "ERC-7887 cancel");
        assertTrue(pool.supportsInterface(0x2f0a18c5), "ERC-7575");
        assertTrue(pool.supportsInterface(0x01ffc9a7), "ERC-165");
        assertFalse(pool.supportsInterface(0xffffffff));
        assertEq(pool.share(), address(pool));
    }

    /// Before: requestRedeem(uint256) had no controller, owner or operators.
    function test_erc7540_operatorRequestsForOwnerAndClaimsForController() public {
        uint256 shares = _deposit(alice, 1_000e6);
        vm.expectEmit(true, true, false, true, address(pool));
        emit IERC7540Operator.OperatorSet(alice, bob, true);
        vm.prank(alice);
        assertTrue(pool.setOperator(bob, true));
        assertTrue(pool.isOperator(alice, bob));

        // A stranger can neither request for alice (no allowance) nor later claim for her.
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, carol, 0, shares));
        vm.prank(carol);
        pool.requestRedeem(shares, carol, alice);

        vm.expectEmit(true, true, true, true, address(pool));
        emit IERC7540Redeem.RedeemRequest(alice, alice, 1, bob, shares);
        vm.prank(bob);
        uint256 id = pool.requestRedeem(shares, alice, alice);
        assertEq(pool.pendingRedeemRequest(id, alice), shares);
        assertEq(pool.claimableRedeemRequest(id, alice), 0);
        assertEq(pool.allowance(alice, bob), 0, "an operator spends no allowance");

        _fill();
        assertEq(pool.pendingRedeemRequest(id, alice), 0);
        assertEq(pool.claimableRedeemRequest(id, alice), shares);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotControllerOrOperator.selector, alice, carol));
        vm.prank(carol);
        pool.redeem(shares, carol, alice);

        vm.prank(bob);
        assertEq(pool.redeem(shares, bob, alice), 1_000e6);
        assertEq(usdc.balanceOf(bob), 1_000e6);

        // Revoked, the operator can do nothing more; nobody can be their own operator.
        vm.prank(alice);
        pool.setOperator(bob, false);
        _deposit(alice, 1_000e6);
        uint256 more = pool.balanceOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, more));
        vm.prank(bob);
        pool.requestRedeem(more, alice, alice);
        vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(alice);
        pool.setOperator(alice, true);
    }

    /// Before: the owner was always the one to claim. Now a controller other than the owner claims, by withdraw
    /// (partly) and then redeem (the rest).
    function test_erc7540_controllerOtherThanOwnerClaimsByWithdrawThenRedeem() public {
        uint256 shares = _deposit(alice, 1_000e6);
        _deploy(assetA, 600e6);
        vm.prank(alice);
        uint256 id = pool.requestRedeem(shares, carol, alice);
        assertEq(pool.pendingRedeemRequest(id, carol), shares);
        assertEq(pool.pendingRedeemRequest(id, alice), 0, "alice owns but does not control it");
        assertEq(pool.lockedShares(alice), shares);
        assertEq(pool.maxRedeem(carol), 0, "nothing claimable yet");
        PoolStorage.Request memory r = pool.redeemRequest(id);
        assertEq(r.owner, alice);
        assertEq(r.controller, carol);

        // Idle covers 400 of 1,000: a partial fill; the rest waits.
        _fill();
        (uint128 claimShares, uint128 claimAssets) = pool.claimableRedemption(carol);
        assertEq(claimAssets, 400e6);
        assertEq(pool.pendingRedeemRequest(id, carol), shares - claimShares);
        assertEq(pool.claimableRedeemRequest(id, carol), claimShares);
        assertEq(pool.maxRedeem(carol), claimShares);
        assertEq(pool.maxWithdraw(carol), claimAssets);
        assertEq(pool.balanceOf(alice), shares - claimShares, "the filled shares were burned");

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsClaimable.selector, 400e6 + 1, 400e6));
        vm.prank(carol);
        pool.withdraw(400e6 + 1, carol, carol);

        uint256 part = 100e6;
        uint256 partShares = claimShares / 4; // exact at this price
        vm.expectEmit(true, true, false, true, address(pool));
        emit PoolStorage.RedemptionClaimed(carol, carol, partShares, part);
        vm.expectEmit(true, true, true, true, address(pool));
        emit IERC4626.Withdraw(carol, carol, carol, part, partShares);
        vm.prank(carol);
        assertEq(pool.withdraw(part, carol, carol), partShares);

        vm.prank(carol);
        assertEq(pool.redeem(claimShares - partShares, carol, carol), 300e6);
        assertEq(usdc.balanceOf(carol), 400e6);
        (claimShares, claimAssets) = pool.claimableRedemption(carol);
        assertEq(claimShares, 0);
        assertEq(claimAssets, 0);
        assertEq(usdc.balanceOf(alice), 0, "the owner received nothing: the controller claims");
    }

    /// Before: cancelRedeemRequest(uint256) had no controller; now ERC-7887, synchronous: shares unlock for their
    /// owner in the same transaction, and what was filled stays claimable.
    function test_erc7887_cancelReturnsSharesToOwnerAtOnce() public {
        uint256 shares = _deposit(alice, 1_000e6);
        _deploy(assetA, 900e6);
        vm.prank(alice);
        uint256 id = pool.requestRedeem(shares, carol, alice);
        _fill(); // 100 of 1,000 filled
        (uint128 filled,) = pool.claimableRedemption(carol);
        uint256 pending = shares - filled;

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotControllerOrOperator.selector, carol, bob));
        vm.prank(bob);
        pool.cancelRedeemRequest(id, carol);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, id));
        vm.prank(alice);
        pool.cancelRedeemRequest(id, alice);

        vm.expectEmit(true, true, false, true, address(pool));
        emit IERC7887Redeem.CancelRedeemRequest(carol, id, carol);
        vm.expectEmit(true, true, true, true, address(pool));
        emit IERC7887Redeem.CancelRedeemClaim(carol, alice, id, carol, pending);
        vm.prank(carol);
        pool.cancelRedeemRequest(id, carol);

        assertEq(pool.lockedShares(alice), 0);
        assertEq(pool.unlockedShares(alice), pending);
        assertEq(pool.pendingRedeemRequest(id, carol), 0);
        assertEq(pool.queueHead(), 0);
        assertFalse(pool.pendingCancelRedeemRequest(id, carol));
        assertEq(pool.claimableCancelRedeemRequest(id, carol), 0);
        vm.expectRevert(PoolStorage.NothingToClaim.selector);
        pool.claimCancelRedeemRequest(id, carol, carol);
        (uint128 stillClaimable,) = pool.claimableRedemption(carol);
        assertEq(stillClaimable, filled, "the filled part stays claimable");

        // The shares are free at once: alice can move them in the same block.
        vm.prank(alice);
        pool.transfer(bob, pending);
        assertEq(pool.balanceOf(bob), pending);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.UnknownRequest.selector, id));
        vm.prank(carol);
        pool.cancelRedeemRequest(id, carol);
    }

    // ─── 6. Permissioned pools ─────────────────────────────────────────────────────────────────────────────

    /// Before: every pool was open to anyone. A permissioned pool says maxDeposit 0 to an address not on the list
    /// and refuses its deposit.
    function test_permissioned_nonAllowlistedCannotDeposit() public {
        FinancingPool gated = _gatedPool();
        assertTrue(gated.permissioned());
        assertFalse(gated.isAllowed(alice));
        assertEq(gated.maxDeposit(alice), 0);
        assertEq(gated.maxMint(alice), 0);

        usdc.mint(alice, 1_000e6);
        vm.startPrank(alice);
        usdc.approve(address(gated), 1_000e6);
        // NB: ERC-4626's maxDeposit check runs first, so the revert is ERC4626ExceededMaxDeposit(alice, 1000e6, 0);
        // the NotAllowed(receiver) in _deposit cannot be reached through deposit or mint.
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, alice, 1_000e6, 0));
        gated.deposit(1_000e6, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, alice, 1e18, 0));
        gated.mint(1e18, alice);
        vm.stopPrank();

        vm.expectEmit(true, false, false, true, address(gated));
        emit PoolStorage.AllowlistUpdated(alice, true);
        vm.prank(compliance);
        gated.setAllowed(alice, true);
        assertEq(gated.maxDeposit(alice), CAP);
        vm.prank(alice);
        gated.deposit(1_000e6, alice);
        assertEq(gated.totalAssets(), 1_000e6);

        // An allowed depositor cannot deposit for a receiver who is not on the list either.
        usdc.mint(alice, 1_000e6);
        vm.startPrank(alice);
        usdc.approve(address(gated), 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, bob, 1_000e6, 0));
        gated.deposit(1_000e6, bob);
        vm.stopPrank();
    }

    /// Before: shares could go to anyone. In a permissioned pool they only go to allowlisted holders.
    function test_permissioned_sharesCannotGoToNonAllowlisted() public {
        FinancingPool gated = _gatedPool();
        vm.prank(compliance);
        gated.setAllowed(alice, true);
        usdc.mint(alice, 1_000e6);
        vm.startPrank(alice);
        usdc.approve(address(gated), 1_000e6);
        uint256 shares = gated.deposit(1_000e6, alice);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotAllowed.selector, bob));
        gated.transfer(bob, shares / 2);
        gated.approve(carol, shares);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.NotAllowed.selector, bob));
        vm.prank(carol);
        gated.transferFrom(alice, bob, shares / 2);

        vm.prank(compliance);
        gated.setAllowed(bob, true);
        vm.prank(alice);
        gated.transfer(bob, shares / 2);
        assertEq(gated.balanceOf(bob), shares / 2);

        // Taken off the list, a holder can no longer receive or deposit, but can still leave.
        vm.prank(compliance);
        gated.setAllowed(bob, false);
        assertEq(gated.maxDeposit(bob), 0);
        vm.prank(bob);
        assertEq(gated.redeem(shares / 2, bob, bob), 500e6);
    }

    /// Only the compliance role keeps the list: not the manager, not the admin (timelock) directly.
    function test_permissioned_onlyComplianceSetsAllowed() public {
        FinancingPool gated = _gatedPool();
        bytes32 role = gated.COMPLIANCE_ROLE();
        address[3] memory others = [manager, admin, alice];
        for (uint256 i = 0; i < others.length; i++) {
            vm.expectRevert(
                abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, others[i], role)
            );
            vm.prank(others[i]);
            gated.setAllowed(alice, true);
        }
        assertFalse(gated.isAllowed(alice));
        // An open pool ignores the list.
        assertFalse(pool.permissioned());
        assertEq(pool.maxDeposit(alice), CAP);
    }

    function _gatedPool() internal returns (FinancingPool gated) {
        vm.prank(admin);
        gated = _createPool("Ashburn H100 Accredited", "myASHA", true);
    }
}
